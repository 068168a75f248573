import Foundation
import Testing
@testable import RenkeiCore

/// A hand-made dataset: two NPO-led projects sharing their 社協; L1 is also a partner in P2.
func handDataset() -> Dataset {
    let v = Vocabulary.standard
    func kind(_ k: String) -> OrganizationKind { v.kind(named: k)! }
    func rel(_ r: String) -> RelationKind { v.relation(named: r)! }
    let orgs = [
        Organization(id: "L1", name: "つながり", kind: kind("NPO")),
        Organization(id: "L2", name: "ささえあい", kind: kind("NPO")),
        Organization(id: "S", name: "北区社会福祉協議会", kind: kind("社協")),
        Organization(id: "T", name: "北区役所", kind: kind("行政"), category: "区役所"),
        Organization(id: "U", name: "北区立第一小学校", kind: kind("学校"), category: "小学校"),
        Organization(id: "G", name: "地域の保育園", kind: kind("学校"), category: "保育園", generic: true),
    ]
    let projects = [Project(id: "P1", title: "居場所づくり", lead: "L1"), Project(id: "P2", title: "学習支援", lead: "L2")]
    let ps = [
        Partnership(project: "P1", source: "L1", target: "S", relations: [rel("venue"), rel("publicity")]),
        Partnership(project: "P1", source: "L1", target: "T", relations: [rel("endorsement")]),
        Partnership(project: "P1", source: "L1", target: "G", relations: [rel("venue")]),
        Partnership(project: "P2", source: "L2", target: "S", relations: [rel("venue")], status: .planned),
        Partnership(project: "P2", source: "L2", target: "U", relations: [rel("lecturers")]),
        Partnership(project: "P2", source: "L2", target: "L1", relations: [rel("co-organising")]),
    ]
    return Dataset(metadata: DatasetMetadata(name: "hand"), organizations: orgs, projects: projects, partnerships: ps)
}

@Suite struct BipartiteProjectionTests {
    /// Davis Southern Women onto the women, against NetworkX's three weighted projections.
    @Test(arguments: ProjectionWeighting.allCases)
    func davisSouthernWomenMatchesNetworkX(_ weighting: ProjectionWeighting) throws {
        var women: [String] = [], events: [String] = []
        var pairs: [(String, String)] = []
        for line in try communityFixture("davis_bipartite.txt").split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t").map(String.init)
            pairs.append((f[0], f[1]))
            if !women.contains(f[0]) { women.append(f[0]) }
            if !events.contains(f[1]) { events.append(f[1]) }
        }
        women.sort()
        #expect(women.count == 18 && events.count == 14 && pairs.count == 89)
        var groups = [[Int32]](repeating: [], count: events.count)
        for (w, e) in pairs { groups[events.firstIndex(of: e)!].append(Int32(women.firstIndex(of: w)!)) }
        let projection = BipartiteProjection(labels: women, groups: groups, weighting: weighting)
        let expected = try #require((try jsonFixture("davis_projections.json") as? [String: Any])?[weighting.rawValue] as? [[Any]])
        #expect(projection.edges.count == expected.count)
        var got: [String: Double] = [:]
        for e in projection.edges { got[women[e.source.int] + "|" + women[e.target.int]] = e.weight }
        for row in expected {
            let key = (row[0] as! String) + "|" + (row[1] as! String)
            let w = (row[2] as! NSNumber).doubleValue
            let mine = try #require(got[key], "missing \(key)")
            #expect(abs(mine - w) <= 1e-12 * max(1, w), "\(key): \(mine) vs \(w)")
        }
        #expect(projection.graph.edgeCount == expected.count)
    }

    @Test func minimumWeightDropsLightEdges() throws {
        let groups: [[Int32]] = [[0, 1, 2], [0, 1], [2, 3]]
        let p = BipartiteProjection(labels: ["a", "b", "c", "d"], groups: groups, weighting: .count, minimumWeight: 2)
        #expect(p.edges.map { [$0.source.int, $0.target.int] } == [[0, 1]])
        #expect(p.edges[0].weight == 2 && p.edges[0].shared == 2)
        // Newman: group of 3 gives 1/2 per pair, group of 2 gives 1.
        let n = BipartiteProjection(labels: ["a", "b", "c", "d"], groups: groups, weighting: .newman)
        #expect(n.edges.first { $0.source.int == 0 && $0.target.int == 1 }?.weight == 1.5)
        #expect(n.edges.first { $0.source.int == 2 && $0.target.int == 3 }?.weight == 1)
    }

    @Test func coPartnershipOfHandDataset() {
        let d = handDataset()
        let count = BipartiteProjection.coPartnership(of: d, weighting: .count)
        func weight(_ p: BipartiteProjection, _ a: String, _ b: String) -> Double? {
            let i = p.labels.firstIndex(of: a)!, j = p.labels.firstIndex(of: b)!
            return p.edges.first { $0.source.int == min(i, j) && $0.target.int == max(i, j) }?.weight
        }
        // P1 = {L1, S, T, G}, P2 = {L2, S, U, L1}: 6 + 6 pairs, L1–S in both.
        #expect(count.edges.count == 11)
        #expect(weight(count, "L1", "S") == 2)
        #expect(weight(count, "T", "G") == 1)
        #expect(weight(count, "T", "U") == nil)
        let newman = BipartiteProjection.coPartnership(of: d, weighting: .newman)
        #expect(abs(weight(newman, "L1", "S")! - 2.0 / 3) < 1e-15)
        let jaccard = BipartiteProjection.coPartnership(of: d, weighting: .jaccard)
        #expect(weight(jaccard, "L1", "S") == 1)
        #expect(weight(jaccard, "L1", "T") == 0.5)
        let heavy = BipartiteProjection.coPartnership(of: d, weighting: .count, minimumWeight: 2)
        #expect(heavy.edges.count == 1)
        // Without leads, realised only: P1 = {S, T, G}, P2 = {U, L1}.
        let noLeads = BipartiteProjection.coPartnership(of: d, filter: GraphFilter(realisedOnly: true), includeLeads: false)
        #expect(noLeads.edges.count == 4)
        #expect(weight(noLeads, "L1", "S") == nil)
        // Without generic partners G disappears.
        let named = BipartiteProjection.coPartnership(of: d, filter: GraphFilter(includeGeneric: false))
        #expect(!named.labels.contains("G"))
        #expect(named.edges.count == 8)
    }

    @Test func sectorGraphAndIncidence() {
        let d = handDataset()
        let s = SectorGraph(dataset: d)
        #expect(s.kinds.map(\.id) == ["社協", "行政", "学校", "NPO"])
        #expect(s.partnerships == [[0, 0, 0, 2], [0, 0, 0, 1], [0, 0, 0, 2], [2, 1, 2, 1]])
        #expect(s.graph.edgeCount == 3)
        #expect(s.graph.weight(NodeIndex(0), NodeIndex(3)) == 2)
        let i = KindIncidence(dataset: d)
        let k = i.kinds.map(\.id)
        #expect(i.projects == ["P1", "P2"])
        #expect(i.counts[0][k.firstIndex(of: "社協")!] == 1 && i.counts[0][k.firstIndex(of: "学校")!] == 1
                && i.counts[0][k.firstIndex(of: "NPO")!] == 0)
        #expect(i.counts[1][k.firstIndex(of: "NPO")!] == 1 && i.counts[1][k.firstIndex(of: "行政")!] == 0)
        let withLeads = KindIncidence(dataset: d, includeLeads: true)
        #expect(withLeads.counts[1][k.firstIndex(of: "NPO")!] == 2)
    }
}

@Suite struct FrequentPartnersTests {
    @Test func byKind() {
        let r = FrequentPartners(dataset: handDataset(), by: .kind)
        #expect(r.projectCount == 2)
        #expect(r.rows.map(\.key) == ["学校", "社協", "NPO", "行政"])
        let shakyo = r.rows[1]
        #expect(shakyo.projects == 2 && shakyo.share == 1 && shakyo.partnerships == 2)
        #expect(shakyo.relations.map { "\($0.relation.id)=\($0.count)" } == ["publicity=1", "venue=2"])
        let npo = r.rows[2]
        #expect(npo.projects == 1 && npo.share == 0.5 && npo.partnerships == 1)
    }

    @Test func leadsAndGenericAndFilters() {
        let d = handDataset()
        let withLeads = FrequentPartners(dataset: d, by: .kind, includeLeads: true)
        let npo = withLeads.rows.first { $0.key == "NPO" }!
        #expect(npo.projects == 2 && npo.partnerships == 6)
        let named = FrequentPartners(dataset: d, by: .kind, filter: GraphFilter(includeGeneric: false))
        #expect(named.rows.first { $0.key == "学校" }!.projects == 1)
        let realised = FrequentPartners(dataset: d, by: .kind, filter: GraphFilter(realisedOnly: true))
        #expect(realised.rows.first { $0.key == "社協" }!.projects == 1)
    }

    /// Hand-checked on P2 alone (lead L2; partners S, U, L1): every one takes part in 1 of 1
    /// projects; L2 is an end of all three partnerships. The second project in dataset order
    /// used to be looked up by its dataset position and crashed.
    @Test func projectSubsetWithLeads() {
        let d = handDataset()
        let r = FrequentPartners(dataset: d, by: .organization, filter: GraphFilter(projects: ["P2"]), includeLeads: true)
        #expect(r.projectCount == 1)
        #expect(Set(r.rows.map(\.key)) == ["S", "U", "L1", "L2"])
        #expect(r.rows.allSatisfy { $0.projects == 1 && $0.share == 1 })
        #expect(r.rows.first { $0.key == "L2" }?.partnerships == 3)
        let partnersOnly = FrequentPartners(dataset: d, by: .organization, filter: GraphFilter(projects: ["P2"]))
        #expect(Set(partnersOnly.rows.map(\.key)) == ["S", "U", "L1"])
    }

    @Test func byOrganizationAndCategory() {
        let d = handDataset()
        let orgs = FrequentPartners(dataset: d, by: .organization)
        #expect(orgs.rows.first?.key == "S" && orgs.rows.first?.name == "北区社会福祉協議会" && orgs.rows.first?.kind == "社協")
        #expect(orgs.rows.count == 5)
        let cats = FrequentPartners(dataset: d, by: .category)
        #expect(Set(cats.rows.map(\.key)) == ["", "区役所", "小学校", "保育園"])
        #expect(cats.rows.first { $0.key == "" }!.projects == 2)
    }
}
