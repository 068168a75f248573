// libFuzzer target: the XML reader through GraphML and GEXF import.
import RenkeiIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NetworkImport.read(bytes: bytes, format: .graphml, file: "fuzz.graphml")
    _ = try? NetworkImport.read(bytes: bytes, format: .gexf, file: "fuzz.gexf")
    return 0
}
