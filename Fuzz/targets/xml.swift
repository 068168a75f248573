// libFuzzer target: the XML reader through GraphML and GEXF import, and a differential check of
// the two-thread parse (XMLSplit): read with the split forced and with it off, the table (as
// written back) or the problems must be the same.
import RenkeiIO

func outcome(_ read: () throws -> NetworkTable, write: (NetworkTable) -> String) -> String {
    do { return write(try read()) } catch let e as InputError { return "problems: \(e.problems)" } catch { return "error: \(error)" }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NetworkImport.read(bytes: bytes, format: .graphml, file: "fuzz.graphml")
    _ = try? NetworkImport.read(bytes: bytes, format: .gexf, file: "fuzz.gexf")
    let graphml = [Int.max, 0].map { m in outcome({ try GraphMLFormat.read(bytes: bytes, file: "f", splitMinimum: m) }, write: GraphMLFormat.write) }
    if graphml[0] != graphml[1] { fatalError("GraphML read on two threads differs:\n\(graphml[0])\n---\n\(graphml[1])") }
    let gexf = [Int.max, 0].map { m in outcome({ try GEXFFormat.read(bytes: bytes, file: "f", splitMinimum: m) }, write: GEXFFormat.write) }
    if gexf[0] != gexf[1] { fatalError("GEXF read on two threads differs:\n\(gexf[0])\n---\n\(gexf[1])") }
    return 0
}
