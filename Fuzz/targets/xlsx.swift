// libFuzzer target: the xlsx readers (zip container, shared strings, sheets, cells), on raw bytes:
// the document-tree reader and the streaming edge-list reader.
import RenkeiIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? XLSXWorkbook(bytes: bytes, file: "fuzz.xlsx")
    _ = CompactEdgeList.read(workbook: bytes, file: "fuzz.xlsx", name: "fuzz")
    return 0
}
