import ArgumentParser

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
            ExtractCommand.self,
        ]
    )

    static func main() {
        Terminal.removeTemporaryFilesOnSignals()
        main(nil)
    }
}
