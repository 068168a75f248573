// libFuzzer target: dataset.yaml, read by the folder loader (a fixed small folder around it), and
// the same bytes as a vocabulary file, a report profile and a glyph map.
import Foundation
import RenkeiIO

let folder: String = {
    let dir = NSTemporaryDirectory() + "renkei-fuzz-yaml-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try? "id,name\na,北区社会福祉協議会\nb,テスト株式会社\n".write(toFile: dir + "/organizations.csv", atomically: true, encoding: .utf8)
    try? "project,source,target,relations\n,a,b,後援\n".write(toFile: dir + "/partnerships.csv", atomically: true, encoding: .utf8)
    return dir
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FileManager.default.createFile(atPath: folder + "/dataset.yaml", contents: Data(bytes: data, count: size))
    _ = try? DatasetLoader.loadWithReport(path: folder)
    _ = try? VocabularyFile.read(path: folder + "/dataset.yaml")
    _ = try? ReportProfileFile.read(path: folder + "/dataset.yaml")
    _ = try? GlyphMapFile.read(path: folder + "/dataset.yaml")
    return 0
}
