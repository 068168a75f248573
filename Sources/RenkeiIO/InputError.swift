import RenkeiCore

/// One problem found in an input file, located by file, line and field.
public struct InputProblem: RenkeiError, Hashable {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    /// What sort of warning this is, for programs reading `validate --format json`
    /// (`possible_duplicate`), or nil.
    public var kind: String?
    /// The organisations a warning is about (both of a `possible_duplicate`), by id.
    public var organizations: [String]

    public init(file: String, line: Int? = nil, field: String? = nil, message: String, kind: String? = nil,
                organizations: [String] = []) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.kind = kind
        self.organizations = organizations
    }

    /// The `kind` of a warning about two organisations that may be one (see ``PossibleDuplicate``).
    public static let possibleDuplicate = "possible_duplicate"

    /// `file:line: field 'x': message`
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let field { s += "field '\(field)': " }
        return s + message
    }
}

/// Every problem found while reading an input, reported at once.
public struct InputError: RenkeiError {
    public var problems: [InputProblem]

    public init(_ problems: [InputProblem]) { self.problems = problems }

    /// The problems ordered by file (in order of first appearance) and then by line, so a
    /// report reads top to bottom; problems without a line come first in their file.
    public init(sorting problems: [InputProblem]) {
        var fileOrder: [String: Int] = [:]
        for p in problems where fileOrder[p.file] == nil { fileOrder[p.file] = fileOrder.count }
        self.problems = problems.enumerated().sorted {
            let a = (fileOrder[$0.element.file]!, $0.element.line ?? 0, $0.offset)
            let b = (fileOrder[$1.element.file]!, $1.element.line ?? 0, $1.offset)
            return a < b
        }.map(\.element)
    }

    public var description: String {
        let head = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return head + ":\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
