// libFuzzer target: the JSON parser and the node-link JSON reader built on it.
import RenkeiIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NetworkImport.read(bytes: bytes, format: .json, file: "fuzz.json")
    return 0
}
