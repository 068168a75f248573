/// Long help texts of the subcommands, with real examples, kept out of the command files.
enum HelpText {
    static let report = """
        Writes DIR/index.html: one self-contained page (inline CSS, JavaScript and SVG; nothing is \
        fetched, so it works from a USB stick or an e-mail attachment) with the overview and \
        validation warnings, frequently-partnered institutions, the project × kind heatmap, the \
        network with pan and zoom, every project's diagram, search, filters, brokers and hubs, and \
        communities. The page names the dataset and the date it was made. Files appear only when \
        the whole report has been built.

        Examples:
          renkei report data/kodoku-koritsu-model-jigyo --out report/
          renkei report survey.csv --out report/ --runs 20
          renkei report data/kodoku-koritsu-model-jigyo --format md --out wiki/renkei/
        """
}

extension HelpText {
    /// "Examples:" and the lines, for the end of a command's discussion.
    static func examples(_ lines: String...) -> String {
        "\n\nExamples:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    static let seed = "data/kodoku-koritsu-model-jigyo"

    static let validate = examples("renkei validate \(seed)", "renkei validate survey.csv --merges")
    static let stats = examples("renkei stats \(seed)", "renkei stats \(seed) --format json")
    static let render = examples("renkei render \(seed) --all --out graphs/",
                                 "renkei render \(seed) --project P01 --out p01.svg",
                                 "renkei render survey.csv --network --color-by community --out net.png")
    static let centrality = examples("renkei centrality \(seed) --measure betweenness --top 10",
                                     "renkei centrality \(seed) --measure pagerank --format csv > pagerank.csv")
    static let brokerage = examples("renkei brokerage \(seed) --top 10", "renkei brokerage \(seed) --realised-only --format json")
    static let clustering = examples("renkei clustering \(seed) --summary", "renkei clustering \(seed) --weighting onnela --top 10")
    static let communities = examples("renkei communities \(seed) --runs 20", "renkei communities \(seed) --algorithm louvain --format json")
    static let partners = examples("renkei partners \(seed) --by kind", "renkei partners \(seed) --by organization --top 10 --format csv")
    static let projection = examples("renkei projection \(seed) --view incidence",
                                     "renkei projection \(seed) --weight jaccard --min-weight 0.2")
    static let generate = examples("renkei generate --scale city --out city/", "renkei generate --organizations 100000 --seed 7 --out big/")
    static let diff = examples("renkei diff survey-2023/ survey-2024/",
                               "renkei diff survey.csv --from-year 2023 --to-year 2024 --format json",
                               "renkei diff survey-2023/ survey-2024/ --out changes.png")
    static let export = examples("renkei export \(seed) --format gexf --with-metrics --out network.gexf",
                                 "renkei export \(seed) --format csv --encoding shift_jis --out csv/",
                                 "renkei export \(seed) --format cytoscape --layout --seed 7 --out network.cyjs")
}
