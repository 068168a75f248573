/// The organisations of two datasets paired by name, never by id: the same organisation may carry
/// another id in another survey (`o005` one year, `kyosei` the next), and two surveys may spell it
/// differently (北区社協 one year, 北区社会福祉協議会 the next).
///
/// Every spelling of an organisation (its name, its name with the legal form, each alias) is turned
/// into the matching key the loader's ``EntityResolver`` uses (``NameNormalizer/normalize(_:)``
/// with the organisation's own municipality as context for a bare 社協 or 役場). Two organisations
/// are candidates when a key is shared and their prefectures, where both are given, agree; a generic
/// partner (「地域の保育園」) is a candidate only for the same generic name in a project of the
/// same title (or, when one of the two takes part in no project, for the same generic name). Pairs
/// are chosen in passes, each in the old dataset's order taking the first unpaired candidate in the
/// new dataset's order: first name against name, then any spelling (aliases included) against any
/// spelling, then generic partners without a project. Each organisation is paired at most once.
public struct OrganizationMatching: Sendable, Equatable {
    /// How a pair was found.
    public enum Basis: String, Sendable, Equatable {
        /// The names (or names with legal form) have the same matching key.
        case name
        /// Only an alias of one matches a spelling of the other.
        case alias
    }

    /// The new id of each paired old organisation.
    public private(set) var newByOld: [String: String] = [:]
    /// The old id of each paired new organisation.
    public private(set) var oldByNew: [String: String] = [:]
    /// The basis of each pair, by old id.
    public private(set) var basis: [String: Basis] = [:]

    /// Number of pairs.
    public var count: Int { newByOld.count }

    /// Pairs the organisations of `old` with those of `new`.
    /// - Complexity: O((*n* + *n*′) · *s* · *L*) for *s* spellings of length at most *L*, plus the
    ///   candidates sharing a key.
    public static func match(old: Dataset, new: Dataset) -> OrganizationMatching {
        let a = Keys(old), b = Keys(new)
        var m = OrganizationMatching()
        // Name against name, any spelling against any, then generic partners without a project on one side.
        let passes: [(Basis, (Keys.Entry) -> Set<String>, (Keys.Entry, Keys.Entry) -> Bool)] = [
            (.name, \.primary, { _, _ in true }), (.alias, \.all, { _, _ in true }),
            (.name, \.unscoped, { $0.orphan || $1.orphan }),
        ]
        for (basis, keys, allowed) in passes {
            var index: [String: [Int]] = [:]
            for (j, k) in b.keys.enumerated() {
                for key in keys(k) { index[key, default: []].append(j) }
            }
            for (i, o) in old.organizations.enumerated() where m.newByOld[o.id] == nil {
                var best: Int?
                for key in keys(a.keys[i]).sorted() {
                    for j in index[key] ?? [] where m.oldByNew[new.organizations[j].id] == nil
                        && compatible(o, new.organizations[j]) && allowed(a.keys[i], b.keys[j]) && (best == nil || j < best!) {
                        best = j
                    }
                }
                if let j = best {
                    let n = new.organizations[j].id
                    m.newByOld[o.id] = n
                    m.oldByNew[n] = o.id
                    m.basis[o.id] = basis
                }
            }
        }
        return m
    }

    /// Prefectures, where both are given, agree.
    static func compatible(_ a: Organization, _ b: Organization) -> Bool {
        guard let p = a.prefecture, let q = b.prefecture, !p.isEmpty, !q.isEmpty else { return true }
        return p == q
    }

    /// The matching keys of every organisation of a dataset: from its names, and from all its spellings.
    struct Keys {
        struct Entry {
            var primary: Set<String>
            var all: Set<String>
            /// A generic partner's name keys without its projects (empty for others).
            var unscoped: Set<String>
            /// A generic partner that takes part in no project.
            var orphan: Bool
        }
        var keys: [Entry] = []

        init(_ dataset: Dataset) {
            // The titles of the projects each organisation takes part in, for generic partners.
            var projects: [String: Set<String>] = [:]
            for p in dataset.projects { projects[p.lead, default: []].insert(ProjectMatching.key(p.title)) }
            for p in dataset.partnerships {
                guard let id = p.project else { continue }
                let title = ProjectMatching.key(dataset.project(id: id)?.title ?? id)
                projects[p.source, default: []].insert(title)
                projects[p.target, default: []].insert(title)
            }
            for o in dataset.organizations {
                func key(_ s: String) -> String {
                    let n = NameNormalizer.applyingContext(NameNormalizer.normalize(s), municipality: o.municipality, prefecture: o.prefecture)
                    return n.key
                }
                func scoped(_ keys: Set<String>) -> Set<String> {
                    guard o.generic else { return keys }
                    return Set(keys.flatMap { k in (projects[o.id] ?? []).map { "\u{1}" + k + "\u{0}" + $0 } })
                }
                let primary = Set([o.name, o.fullName].filter { !$0.isEmpty }.map(key))
                let all = primary.union(o.aliases.filter { !$0.isEmpty }.map(key))
                let generic = o.generic ? Set(primary.map { "\u{1}" + $0 }) : []
                keys.append(Entry(primary: scoped(primary), all: scoped(all), unscoped: generic,
                                  orphan: o.generic && (projects[o.id] ?? []).isEmpty))
            }
        }
    }
}

/// The projects of two datasets paired by title (NFKC, white space removed, Latin letters
/// lower-cased), not by id: a project surveyed again under a new id is the same project. Two
/// projects of one dataset with the same title pair with the other dataset's in order.
public enum ProjectMatching {
    /// The new id of each paired old project.
    public static func match(old: Dataset, new: Dataset) -> [String: String] {
        var free: [String: [String]] = [:]
        for p in new.projects { free[key(p.title), default: []].append(p.id) }
        var pairs: [String: String] = [:]
        for p in old.projects {
            let k = key(p.title)
            if var ids = free[k], !ids.isEmpty {
                pairs[p.id] = ids.removeFirst()
                free[k] = ids
            }
        }
        return pairs
    }

    /// The title's matching key.
    static func key(_ title: String) -> String {
        String(title.nfkcComposed.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased()
    }
}
