// libFuzzer target: the CSV reader and the table a loader builds from it (any encoding), and a
// differential check of the fast edge-list reader read on two threads (SheetRows): with the split
// forced and with it off, the organisations and rows, or the refusal, must be the same.
import RenkeiIO

func outcome(_ c: CompactEdgeList?) -> String {
    guard let c else { return "refused" }
    return "\(c.organizations.map(\.id)) \(c.sources) \(c.targets) \(c.weights) \(c.lines) \(c.merges.count)"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var problems: [InputProblem] = []
    _ = CSVTable.parse(bytes: bytes, file: "fuzz.csv", problems: &problems)
    let one = outcome(CompactEdgeList.read(bytes: bytes, file: "fuzz.csv", splitMinimum: .max))
    let two = outcome(CompactEdgeList.read(bytes: bytes, file: "fuzz.csv", splitMinimum: 0))
    if one != two { fatalError("the edge list read on two threads differs:\n\(one)\n---\n\(two)") }
    return 0
}
