import ArgumentParser
import RenkeiApp
import RenkeiIO

@main
struct RenkeiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renkei",
        abstract: "Analyse and draw partnership networks of community organisations.",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self,
            StatsCommand.self,
            RenderCommand.self,
            CentralityCommand.self,
            BrokerageCommand.self,
            ClusteringCommand.self,
            CommunitiesCommand.self,
            PartnersCommand.self,
            ProjectionCommand.self,
            GenerateCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            EgoCommand.self,
            PathCommand.self,
            DiffCommand.self,
            GapsCommand.self,
            ReportCommand.self,
            ExtractCommand.self,
        ]
    )

    static func main() {
        Terminal.removeTemporaryFilesOnSignals()
        DatasetInput.reportWarnings { Terminal.warn($0.map(\.description)) }
        ReportTable.$terminalWidth.withValue(Terminal.outputWidth) { main(nil) }
    }
}
