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
