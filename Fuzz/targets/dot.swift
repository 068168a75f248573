// libFuzzer target: DOT escaping. Every string must come out as one well-formed quoted DOT
// string / HTML-safe label (checked structurally here; Graphviz itself is not linked).
import RenkeiCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let q = DOTEscaping.quoted(text)
    // Scalars, not Characters: a leading combining mark joins the opening quote's Character.
    let scalars = Array(q.unicodeScalars)
    precondition(scalars.count >= 2 && scalars.first == "\"" && scalars.last == "\"", "quoted() must return a quoted string")
    // No unescaped quote inside: every '"' in the body is preceded by an odd run of backslashes.
    let body = scalars.dropFirst().dropLast()
    var backslashes = 0
    for s in body {
        if s == "\"" { precondition(backslashes % 2 == 1, "unescaped quote in \(q)") }
        backslashes = s == "\\" ? backslashes + 1 : 0
    }
    precondition(backslashes % 2 == 0, "quoted string ends in a lone backslash: \(q)")
    _ = DOTEscaping.label(text)
    return 0
}
