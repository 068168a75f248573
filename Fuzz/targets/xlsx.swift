// libFuzzer target: the xlsx reader (zip container, shared strings, sheets, cells), on raw bytes.
import RenkeiIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? XLSXWorkbook(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.xlsx")
    return 0
}
