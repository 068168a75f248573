import Foundation

/// Text made of many independent items (the nodes and edges of a streamed export), made on all
/// cores and handed on in item order.
///
/// The items are cut into runs of a fixed length; a wave of runs (two per core) is rendered at
/// once, each run into its own piece, and its pieces go to `emit` in order while the next wave is
/// rendered. The bytes handed on are those of one loop over the items on one thread, whatever the core
/// count or schedule: a run's text depends on its items alone.
enum ParallelText {
    /// Items per run: about a megabyte of GraphML edges.
    static let run = 4096

    /// On one thread, runs are gathered into pieces of at least this size (1 MiB) before they
    /// are handed on.
    static let pieceSize = 1 << 20

    /// Renders items `0 ..< count` and hands the text to `emit` in order.
    /// - Parameters:
    ///   - render: appends the text of the items of a range to a piece; called from several
    ///     threads at once, so it must only read shared state.
    ///   - emit: receives each piece on the calling thread, and may empty it.
    /// - Complexity: O(total work / cores) wall time, plus `emit`; memory O(cores · run).
    static func render(count: Int, threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
                       _ render: (Range<Int>, inout String) -> Void, emit: (inout String) throws -> Void) rethrows {
        let runs = (count + run - 1) / run
        guard threads > 1, runs > 1 else {
            var piece = ""
            for r in 0..<runs {
                render((r * run)..<min(count, (r + 1) * run), &piece)
                if piece.utf8.count >= pieceSize || r == runs - 1 { try emit(&piece); piece.removeAll(keepingCapacity: true) }
            }
            return
        }
        let wave = threads * 2
        let waves = (runs + wave - 1) / wave
        try withoutActuallyEscaping(render) { render in
            let work = RenderBox(render)
            // Two sets of pieces: wave w + 1 is made into one while wave w, in the other, is handed
            // on, so the cores keep making text while `emit` writes.
            var current = PieceSlots(count: wave), next = PieceSlots(count: wave)
            @Sendable func make(_ w: Int, into slots: PieceSlots) {
                let base = w * wave
                DispatchQueue.concurrentPerform(iterations: min(wave, runs - base)) { k in
                    let r = base + k
                    work.render((r * run)..<min(count, (r + 1) * run), &slots.pointer[k])
                }
            }
            make(0, into: current)
            for w in 0..<waves {
                let group = DispatchGroup()
                if w + 1 < waves {
                    let slots = next
                    DispatchQueue.global().async(group: group) { make(w + 1, into: slots) }
                }
                do {
                    for k in 0..<min(wave, runs - w * wave) {
                        try emit(&current.pointer[k])
                        current.pointer[k].removeAll(keepingCapacity: true)
                    }
                } catch {
                    group.wait()
                    throw error
                }
                group.wait()
                swap(&current, &next)
            }
        }
    }
}

/// The pieces of one wave, each written by one thread only (raw storage, so no exclusivity
/// check sees two threads in one array).
private final class PieceSlots: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<String>
    let count: Int
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: "", count: count)
    }
    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}

/// The render closure, shared by the threads of a wave: it only reads shared state.
private struct RenderBox: @unchecked Sendable {
    let render: (Range<Int>, inout String) -> Void
    init(_ render: @escaping (Range<Int>, inout String) -> Void) { self.render = render }
}

extension NetworkTable {
    /// Hands on `out` (the document so far) and empties it, then writes every edge (with its
    /// position in ``withEdgeAccess(_:)``'s order) with `render` on all cores, in order
    /// (``ParallelText``): the streamed writers' edges.
    func renderEdges(after out: inout String, emit: (inout String) throws -> Void,
                     _ render: (Int, Edge, inout String) -> Void) rethrows {
        if !out.isEmpty {
            try emit(&out)
            out.removeAll(keepingCapacity: true)
        }
        try withEdgeAccess { count, edge in
            try ParallelText.render(count: count, { range, piece in
                for k in range { render(k, edge(k), &piece) }
            }, emit: emit)
        }
    }
}

extension NetworkTable {
    /// Hands on `out` and empties it, then writes every node (with its number) with `render` on
    /// all cores, in order.
    func renderNodes(after out: inout String, emit: (inout String) throws -> Void,
                     _ render: (Int, Node, inout String) -> Void) rethrows {
        if !out.isEmpty {
            try emit(&out)
            out.removeAll(keepingCapacity: true)
        }
        try ParallelText.render(count: nodes.count, { range, piece in
            for k in range { render(k, nodes[k], &piece) }
        }, emit: emit)
    }
}

extension XMLEscape {
    /// Appends `<edge id="…" source="…" target="…"` (escaped; the tag left open) after `indent`.
    static func appendEdgeStart(_ e: NetworkTable.Edge, indent: String, to out: inout String) {
        out += indent
        out += "<edge id=\""
        out += escape(e.id, attribute: true)
        out += "\" source=\""
        out += escape(e.source, attribute: true)
        out += "\" target=\""
        out += escape(e.target, attribute: true)
        out += "\""
    }
}
