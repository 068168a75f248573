import ArgumentParser
import RenkeiApp
import RenkeiIO

/// `--format table|json|csv|svg|png|pdf|dot` and `--out` for the questions (ego, path, diff).
struct QuestionOutputOptions: ParsableArguments {
    @Option(help: "Output: table, json or csv for the data; svg, png, pdf or dot (with --out) for a diagram (default: from the --out extension, else table).")
    var format: String?

    @Option(help: "Write to this file instead of standard output (required for svg, png and pdf).")
    var out: String?

    var chosen: QuestionFormat { QuestionFormat.chosen(format, out: out)! }

    func validate() throws {
        guard let f = QuestionFormat.chosen(format, out: out) else {
            throw ValidationError("unknown --format '\(format ?? "")': use table, json, csv, svg, png, pdf or dot")
        }
        if f.isDiagram && f != .diagram(.dot) && out == nil {
            throw ValidationError("--format \(format ?? "") writes a diagram: give --out FILE")
        }
    }

    /// Writes the answer to --out (atomically) or standard output, after its warnings.
    func deliver(_ output: QuestionOutput) throws {
        Terminal.warn(output.warnings)
        if let out { try OutputWriter.write(output.bytes, to: out) } else { try Terminal.emit(bytes: output.bytes) }
    }
}
