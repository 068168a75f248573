import Foundation
import Yams

/// The one way RenkeiIO reads a YAML file a user gives it (`dataset.yaml`, `--vocabulary`,
/// report profiles, glyph maps): the text is composed into nodes first — linear in its size,
/// since an alias shares its anchor's node — and refused, with the line, when it holds
/// anything that Yams would expand or could not represent:
/// - an anchor or alias (`&a`, `*a`): nested aliases ("billion laughs") expand exponentially
///   when values are built;
/// - a mapping key that is a list or a mapping (`? - x`): Yams stops the process when it
///   makes such a key a dictionary key;
/// - nesting deeper than ``maxDepth`` levels;
/// - a text larger than ``maxBytes``.
///
/// These files hold names, labels and settings written by a person, so none of these is
/// needed.
enum YAMLText {
    /// The largest file read (1 MiB).
    static let maxBytes = 1 << 20
    /// The deepest nesting of lists and mappings accepted.
    static let maxDepth = 64

    /// The value of `text` (`[String: Any]`, `[Any]`, `String`, `Int`…, or nil for an empty
    /// document), or the problem that refuses it.
    /// - Parameter what: what the file holds, for the size message ("a name, a description and
    ///   the vocabulary").
    static func load(_ text: String, file: String, what: String) -> Result<Any?, InputProblem> {
        withRoot(text, file: file, what: what) { $0?.any }
    }

    /// Calls `body` with the composed root node of `text` (nil for an empty document) once it
    /// has passed the checks, while the parser that owns the nodes is alive.
    /// - Complexity: O(*n*) in the length of the text, before `body`.
    static func withRoot<T>(_ text: String, file: String, what: String, _ body: (Yams.Node?) -> T) -> Result<T, InputProblem> {
        guard text.utf8.count <= maxBytes else {
            return .failure(InputProblem(file: file, message: "the file is \(text.utf8.count) bytes; it holds \(what) and may be at most \(maxBytes / 1_048_576) MiB"))
        }
        do {
            // Nodes hold their anchors weakly: the parser stays alive while the tree is used.
            let parser = try Yams.Parser(yaml: text)
            let root = try parser.singleRoot()
            if let root {
                if let line = firstLine(in: root, where: { $0.anchor != nil || $0.isAlias }) {
                    return .failure(InputProblem(file: file, line: line,
                                                 message: "YAML anchors and aliases (&name, *name) are not accepted in \(file); write each value out"))
                }
                if let line = firstLine(in: root, where: hasComplexKey) {
                    return .failure(InputProblem(file: file, line: line,
                                                 message: "a mapping key is a list or a mapping (`? - …`); keys in \(file) are plain words"))
                }
                if let line = tooDeep(root) {
                    return .failure(InputProblem(file: file, line: line, message: "nested more than \(maxDepth) levels deep"))
                }
            }
            return .success(withExtendedLifetime(parser) { body(root) })
        } catch {
            var line: Int?
            var detail = "\(error)"
            if let y = error as? YamlError {
                switch y {
                case let .parser(context, problem, mark, _), let .scanner(context, problem, mark, _):
                    line = mark.line
                    detail = (context.map { "\($0.text) (line \($0.mark.line)): " } ?? "") + problem
                default: break
                }
            }
            return .failure(InputProblem(file: file, line: line, message: "not valid YAML: \(detail)"))
        }
    }

    /// True for a mapping with a key that is not a scalar.
    static func hasComplexKey(_ node: Yams.Node) -> Bool {
        guard case .mapping(let map) = node else { return false }
        return map.contains { key, _ in
            if case .scalar = key { return false }
            return true
        }
    }

    /// The line of the first node, in document order, for which `found` is true, or nil.
    /// An alias can only follow its anchor, so a search for anchors meets one before any shared
    /// subtree: it visits O(size of the text) nodes.
    static func firstLine(in root: Yams.Node, where found: (Yams.Node) -> Bool) -> Int? {
        var stack = [root]
        while let node = stack.popLast() {
            if found(node) { return node.mark?.line ?? 1 }
            switch node {
            case .scalar, .alias: break
            case .sequence(let seq): stack.append(contentsOf: seq.reversed())
            case .mapping(let map):
                for (k, v) in map.reversed() { stack.append(v); stack.append(k) }
            }
        }
        return nil
    }

    /// The line of the first node nested deeper than ``maxDepth``, or nil.
    static func tooDeep(_ root: Yams.Node) -> Int? {
        var stack = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            if depth > maxDepth { return node.mark?.line ?? 1 }
            switch node {
            case .scalar, .alias: break
            case .sequence(let seq): for n in seq { stack.append((n, depth + 1)) }
            case .mapping(let map): for (k, v) in map { stack.append((k, depth + 1)); stack.append((v, depth + 1)) }
            }
        }
        return nil
    }
}

private extension Yams.Node {
    var isAlias: Bool {
        if case .alias = self { return true }
        return false
    }
}
