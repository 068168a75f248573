/// The file formats the renderer produces through libgvc.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg
    case png
    case pdf
    case dot

    /// Parses a format name (case-insensitive).
    /// - Throws: ``RenderError/unknownFormat(_:)`` naming the formats that exist.
    public init(parsing text: String) throws {
        guard let f = RenderFormat(rawValue: text.lowercased()) else { throw RenderError.unknownFormat(text) }
        self = f
    }

    /// The format of a file name's extension (`network.svg` → `.svg`), or nil.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }

    /// The Graphviz output device: the core SVG writer (text stays searchable text), cairo for
    /// PNG and PDF (the gd PNG writer drops Japanese glyphs). Nil for `.dot`, which is not rendered.
    public var device: String? {
        switch self {
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        case .dot: return nil
        }
    }
}
