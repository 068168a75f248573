// libFuzzer target: a dataset folder's partnerships.csv (the input bytes; the organisations,
// projects and dataset.yaml are fixed) read by the fast folder reader, with its evidence and notes
// kept, against the general reader. Where the fast reader takes the folder the general one must
// load it, and the statistics, the validation text and every streamed export (GraphML, GEXF,
// node-link and Cytoscape JSON, the CSV pair, whose edges.csv lists every partnership's fields)
// must be the general dataset's, byte for byte.
import Foundation
import RenkeiCore
import RenkeiIO

let folder: String = {
    let dir = NSTemporaryDirectory() + "renkei-fuzz-folder-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let files = [
        "organizations.csv": "id,name,kind\no1,特定非営利活動法人ひだまり,NPO\no2,○○市社会福祉協議会,社協\no3,○○市役所,行政\no4,○○小学校,学校\n",
        "projects.csv": "id,title,lead,source\nP1,居場所づくり,o1,事業報告.pdf\nP2,見守り,o2,\n",
        "dataset.yaml": "name: fuzz\nsource: 報告書.pdf\n",
    ]
    for (name, text) in files { try? Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    return dir
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard (try? Data(bytes: data, count: size).write(to: URL(fileURLWithPath: folder + "/partnerships.csv"))) != nil else { return 0 }
    guard let fast = CompactDatasetFolder.read(folder: folder, keepDetails: true) else {
        _ = try? DatasetLoader.loadWithReport(path: folder)
        return 0
    }
    let general: LoadedDataset
    do { general = try DatasetLoader.loadWithReport(path: folder) } catch {
        fatalError("the fast reader took a folder the general reader refuses: \(error)")
    }
    if fast.statistics != DatasetStatistics(general.dataset) { fatalError("the statistics differ") }
    for merges in [false, true] where fast.validationReport(merges: merges) != general.validationReport(merges: merges) {
        fatalError("the validation text differs:\n\(fast.validationReport(merges: merges))\n---\n\(general.validationReport(merges: merges))")
    }
    for format in [ExportFormat.graphml, .gexf, .json, .cytoscape, .csv] {
        guard let streamed = try? NetworkExport.streamed(fast, format: format) else { fatalError("no streamed \(format)") }
        guard let whole = try? NetworkExport.render(general.dataset, format: format) else { fatalError("no \(format) export") }
        if streamed.map(\.bytes) != whole.map(\.bytes) {
            fatalError("the streamed \(format) export differs:\n" + streamed.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
                       + "\n---\n" + whole.map { String(decoding: $0.bytes, as: UTF8.self) }.joined())
        }
    }
    return 0
}
