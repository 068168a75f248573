import RenkeiCore
import RenkeiGraphviz
import RenkeiIO

/// The node positions `export --layout` carries: those of the network diagram (連携図) that
/// `renkei render --network --detail full` draws with the same engine and seed.
enum NetworkLayout {
    /// Lays out the dataset's network diagram with Graphviz and returns each drawn organisation's
    /// centre in ``NodePositions``' convention: points, y down, origin at the drawing's top-left
    /// corner (x = x<sub>Graphviz</sub> − left, y = top − y<sub>Graphviz</sub> of the bounding box),
    /// rounded to 0.01 pt. Organisations the diagram leaves out (in no project and no
    /// partnership) get no position.
    /// - Parameters:
    ///   - engine: the layout engine instead of the diagram's own choice (neato, sfdp above
    ///     ``DiagramOptions/networkSFDPThreshold`` organisations).
    ///   - seed: the layout's random start (`start=random<seed>`).
    /// - Throws: `RenderError` (unknown engine, no Japanese font, Graphviz failing).
    static func positions(of dataset: Dataset, input: DatasetInput, engine: String?, seed: UInt64,
                          fonts: JapaneseFonts) throws -> (positions: NodePositions, warnings: [String]) {
        if let engine, !GraphvizRenderer.shared.engines.contains(engine) {
            throw RenderError.unknownEngine(engine, available: GraphvizRenderer.shared.engines)
        }
        let request = RenderRequest(input: input, target: .network, engine: engine, seed: seed, fonts: fonts, detail: .full)
        var warnings: [String] = []
        let options = try request.diagramOptions(for: dataset, rendering: true, warnings: &warnings)
        let writer = DiagramWriter(dataset: dataset, options: options)
        let layout = try GraphvizRenderer.shared.layout(dot: writer.networkDOT(), fonts: fonts)
        warnings += layout.warnings.map { "Graphviz: \($0)" }
        func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        var points: [String: NodePositions.Point] = [:]
        for (id, name) in writer.networkNodeNames() {
            guard let p = layout.positions[name] else { continue }
            points[id] = .init(x: rounded(p.x - layout.lowerLeft.x), y: rounded(layout.upperRight.y - p.y))
        }
        return (NodePositions(points), warnings)
    }
}
