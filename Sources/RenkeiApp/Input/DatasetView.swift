import RenkeiCore

extension GraphSelection {
    /// True when the selection narrows the dataset by place, year or kind (the filters every
    /// analysis, render and export command shares).
    public var narrowsDataset: Bool {
        !prefectures.isEmpty || !municipalities.isEmpty || !years.isEmpty || !kinds.isEmpty
    }

    /// The part of `dataset` the place, year and kind filters keep — the one place these filters are
    /// applied, before any graph, diagram or export is made.
    ///
    /// - A project is kept when its prefecture (its lead's when the project has none) is one of
    ///   ``prefectures``, its municipality one of ``municipalities``, its year one of ``years``
    ///   (each filter that is given); a partnership without a project is judged by its source
    ///   organisation's place, and dropped by a year filter. Places match exactly or without the
    ///   final 都/道/府/県/市/区/町/村 (宮城 = 宮城県, 亘理 = 亘理町).
    /// - An organisation is kept when its kind is one of ``kinds`` (ids or English names); a
    ///   partnership needs both ends kept. With place or year filters, only organisations in a kept
    ///   partnership or leading a kept project remain.
    /// - Throws: ``RequestError`` for a value that no project or organisation has, with a did-you-mean hint.
    public func view(of dataset: Dataset) throws -> Dataset {
        guard narrowsDataset else { return dataset }
        func place(_ value: String?, in wanted: [String]) -> Bool {
            guard let value else { return false }
            return wanted.contains { $0 == value || (value.hasPrefix($0) && value.count == $0.count + 1 && "都道府県市区町村".contains(value.last!)) }
        }
        func check(_ wanted: [String], _ what: String, _ values: [String]) throws {
            for w in wanted where !values.contains(where: { place($0, in: [w]) }) {
                throw RequestError.unknown(what, w, among: Array(Set(values)).sorted())
            }
        }
        let prefectures = self.prefectures.flatMap(Vocabulary.splitList)
        let municipalities = self.municipalities.flatMap(Vocabulary.splitList)
        let lead = { (p: Project) in dataset.organization(id: p.lead) }
        try check(prefectures, "prefecture", dataset.projects.compactMap { $0.prefecture ?? lead($0)?.prefecture }
                  + dataset.organizations.compactMap(\.prefecture))
        try check(municipalities, "municipality", dataset.projects.compactMap { $0.municipality ?? lead($0)?.municipality }
                  + dataset.organizations.compactMap(\.municipality))
        if !years.isEmpty, let y = years.first(where: { y in !dataset.projects.contains { $0.year == y } }) {
            throw RequestError("no project in year \(y)" + Suggestion.didYouMean(String(y), among: Set(dataset.projects.compactMap(\.year)).sorted().map(String.init)))
        }
        var kindIDs = Set<String>()
        for k in kinds.flatMap(Vocabulary.splitList) {
            guard let kind = dataset.vocabulary.kind(named: k) else {
                throw RequestError.unknown("kind", k, among: dataset.vocabulary.kinds.map(\.id))
            }
            kindIDs.insert(kind.id)
        }
        func placeKept(prefecture: String?, municipality: String?) -> Bool {
            (prefectures.isEmpty || place(prefecture, in: prefectures)) && (municipalities.isEmpty || place(municipality, in: municipalities))
        }
        let projects = dataset.projects.filter { p in
            placeKept(prefecture: p.prefecture ?? lead(p)?.prefecture, municipality: p.municipality ?? lead(p)?.municipality)
                && (years.isEmpty || p.year.map(years.contains) == true)
        }
        let projectIDs = Set(projects.map(\.id))
        let kindKept = { (id: String) in kindIDs.isEmpty || dataset.organization(id: id).map { kindIDs.contains($0.kind.id) } == true }
        let partnerships = dataset.partnerships.filter { p in
            let placed: Bool
            if let pr = p.project { placed = projectIDs.contains(pr) }
            else { placed = years.isEmpty && placeKept(prefecture: dataset.organization(id: p.source)?.prefecture,
                                                       municipality: dataset.organization(id: p.source)?.municipality) }
            return placed && kindKept(p.source) && kindKept(p.target)
        }
        var organizations = dataset.organizations.filter { kindKept($0.id) }
        if !prefectures.isEmpty || !municipalities.isEmpty || !years.isEmpty {
            var involved = Set(projects.map(\.lead))
            for p in partnerships { involved.insert(p.source); involved.insert(p.target) }
            organizations = organizations.filter { involved.contains($0.id) }
        }
        return Dataset(metadata: dataset.metadata, vocabulary: dataset.vocabulary, organizations: organizations,
                       projects: projects, partnerships: partnerships)
    }
}
