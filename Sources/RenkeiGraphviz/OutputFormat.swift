/// The file formats the renderer produces through libgvc.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg
    case png
    case pdf
    case dot
}
