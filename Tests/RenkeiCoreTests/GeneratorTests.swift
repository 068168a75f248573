import Testing
@testable import RenkeiCore

@Suite struct GeneratorTests {
    @Test func sameSeedSameNetwork() {
        let a = PartnershipNetworkGenerator.generate(organizations: 500, seed: 7)
        let b = PartnershipNetworkGenerator.generate(organizations: 500, seed: 7)
        let c = PartnershipNetworkGenerator.generate(organizations: 500, seed: 8)
        #expect(a.organizations == b.organizations)
        #expect(a.projects == b.projects)
        #expect(a.partnerships == b.partnerships)
        #expect(a.partnerships != c.partnerships)
    }

    // Town and city scale, and 4,000 organisations (kept below prefecture scale so that the suite
    // stays light beside the rendering memory test that runs in parallel).
    @Test(arguments: [GeneratorScale.town.organizations, GeneratorScale.city.organizations, 4_000])
    func calibratedOnTheSeedDataset(_ n: Int) {
        let d = PartnershipNetworkGenerator.generate(organizations: n, seed: 11)
        let cal = GeneratorCalibration.seedDataset
        #expect(d.organizations.count == n)
        // Kind shares: exact counts by largest remainder, so within one organisation.
        for (kind, share) in cal.kindShares {
            let count = d.organizations.filter { $0.kind.id == kind }.count
            #expect(abs(Double(count) - share * Double(n)) <= 1, "\(kind): \(count) of \(n)")
        }
        // Every reference resolves; leads are NPOs; no partner twice in a project.
        let ids = Set(d.organizations.map(\.id))
        for p in d.projects { #expect(d.organization(id: p.lead)?.kind.id == "NPO") }
        #expect(Set(d.projects.map(\.lead)).count == d.projects.count)
        var seen = Set<String>()
        for p in d.partnerships {
            #expect(ids.contains(p.source) && ids.contains(p.target) && p.source != p.target)
            #expect(seen.insert(p.project! + "|" + p.target).inserted)
            #expect(!p.relations.isEmpty)
        }
        // Every municipality has a 社協 and an office.
        var municipalities: [String: Set<String>] = [:]
        for o in d.organizations { municipalities[o.municipality!, default: []].insert(o.kind.id) }
        #expect(municipalities.values.allSatisfy { $0.contains("社協") && $0.contains("行政") })
        #expect(municipalities.count == d.organizations.filter { $0.kind.id == "社協" }.count)
        guard n > GeneratorScale.town.organizations else { return }
        // Projects and partners per project.
        #expect(abs(Double(d.projects.count) - cal.projectsPerOrganization * Double(n)) <= 1)
        let perProject = Double(d.partnerships.count) / Double(d.projects.count)
        #expect(abs(perProject - cal.meanPartners) < 0.6, "partners per project \(perProject)")
        // Generic partners: about 63% of partnerships; a generic organisation serves one project.
        let genericIDs = Set(d.organizations.filter(\.generic).map(\.id))
        let genericShare = Double(d.partnerships.filter { genericIDs.contains($0.target) }.count) / Double(d.partnerships.count)
        #expect(abs(genericShare - cal.genericShare) < 0.06, "generic share \(genericShare)")
        var projectsOf: [String: Set<String>] = [:]
        for p in d.partnerships where genericIDs.contains(p.target) { projectsOf[p.target, default: []].insert(p.project!) }
        #expect(projectsOf.values.allSatisfy { $0.count == 1 })
        // Named partners mostly local.
        let named = d.partnerships.filter { !genericIDs.contains($0.target) }
        let local = named.filter { d.organization(id: $0.source)!.municipality == d.organization(id: $0.target)!.municipality }
        let localShare = Double(local.count) / Double(named.count)
        #expect(abs(localShare - cal.sameMunicipality) < 0.08, "same-municipality share \(localShare)")
        // Relations per partnership: about two thirds carry one relation.
        let single = Double(d.partnerships.filter { $0.relations.count == 1 }.count) / Double(d.partnerships.count)
        #expect(abs(single - 212.0 / 321) < 0.05)
    }

    @Test func barabasiAlbertShape() {
        let edges = RandomGraphs.barabasiAlbert(nodes: 2000, edgesPerNode: 3, seed: 5)
        #expect(edges.count == 3 * (2000 - 3))
        let g = RandomGraphs.graph(nodes: 2000, edges: edges)
        #expect(g.edgeCount == edges.count, "no duplicate edges")
        #expect(RandomGraphs.barabasiAlbert(nodes: 2000, edgesPerNode: 3, seed: 5).elementsEqual(edges) { $0 == $1 })
        // Preferential attachment: the largest degree far exceeds the mean (6).
        let maxDegree = (0..<2000).map { g.degree(of: NodeIndex($0)) }.max()!
        #expect(maxDegree > 40)
    }

    @Test func plantedPartitionDensities() {
        let edges = RandomGraphs.plantedPartition(blocks: 10, blockSize: 100, pIn: 0.2, pOut: 0.01, seed: 3)
        var inside = 0, across = 0
        for (u, v) in edges {
            #expect(u < v)
            if u / 100 == v / 100 { inside += 1 } else { across += 1 }
        }
        // Expected 10 · C(100,2) · 0.2 = 9900 inside, C(1000,2) − 49500 = 450000 pairs · 0.01 = 4500 across.
        #expect(abs(Double(inside) - 9900) < 4 * 94)
        #expect(abs(Double(across) - 4500) < 4 * 67)
    }
}
