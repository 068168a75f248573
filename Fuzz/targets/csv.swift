// libFuzzer target: the CSV reader and the table a loader builds from it (any encoding).
import RenkeiIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var problems: [InputProblem] = []
    _ = CSVTable.parse(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.csv", problems: &problems)
    return 0
}
