import Foundation
import RenkeiApp

/// Paths of fixtures the other test targets committed, and the seed dataset.
enum AppFixture {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent()

    /// The hand-built folder dataset (projects p1 led by WATALIS, p2 by わんず; 7 organisations).
    static let good = DatasetInput(path: tests.appendingPathComponent("RenkeiIOTests/Fixtures/folders/good").path)
    /// The folder dataset with 17 problems.
    static let bad = DatasetInput(path: tests.appendingPathComponent("RenkeiIOTests/Fixtures/folders/bad").path)
    /// Zachary's karate club with weights, as a plain `u v w` list.
    static let karate = DatasetInput(path: tests.appendingPathComponent("RenkeiCoreTests/Fixtures/karate_weighted.txt").path)
    /// Zachary's karate club without weights.
    static let karateUnweighted = DatasetInput(path: tests.appendingPathComponent("RenkeiCoreTests/Fixtures/karate.txt").path)
    /// The bundled seed dataset.
    static let seed = DatasetInput(path: root.appendingPathComponent("data/kodoku-koritsu-model-jigyo").path)

    /// NetworkX's values for karate (Tests/RenkeiCoreTests/Fixtures/make_fixtures.py, networkx 3.6.1):
    /// measure → node label → value.
    static func networkxKarate() throws -> [String: [String: Double]] {
        let url = tests.appendingPathComponent("RenkeiCoreTests/Fixtures/analysis_expected.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let graphs = json["graphs"] as! [String: Any]
        let karate = graphs["karate"] as! [String: Any]
        return (karate["measures"] as! [String: [String: Any]]).mapValues { $0.compactMapValues { $0 as? Double } }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
