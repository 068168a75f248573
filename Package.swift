// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Renkei",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RenkeiCore", targets: ["RenkeiCore"]),
        .library(name: "RenkeiIO", targets: ["RenkeiIO"]),
        .library(name: "RenkeiGraphviz", targets: ["RenkeiGraphviz"]),
        .library(name: "RenkeiApp", targets: ["RenkeiApp"]),
        .executable(name: "renkei", targets: ["renkei"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Pure Swift: model, names, analysis graph, algorithms, DOT text.
        .target(name: "RenkeiCore"),
        // Datasets and interchange formats.
        .target(
            name: "RenkeiIO",
            dependencies: ["RenkeiCore", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // libgvc through pkg-config (Debian: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "RenkeiGraphviz", dependencies: ["CGraphviz", "RenkeiCore"]),
        // The application layer: one request -> one result per command; never prints or writes.
        .target(name: "RenkeiApp", dependencies: ["RenkeiCore", "RenkeiIO", "RenkeiGraphviz"]),
        // The command-line tool: parses, calls RenkeiApp, prints and writes.
        .executableTarget(
            name: "renkei",
            dependencies: [
                "RenkeiApp", "RenkeiCore", "RenkeiIO", "RenkeiGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timings of the analysis algorithms for Benchmarks/run.py.
        .executableTarget(name: "renkei-bench", dependencies: ["RenkeiCore", "RenkeiIO"]),
        .testTarget(name: "RenkeiCoreTests", dependencies: ["RenkeiCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RenkeiIOTests", dependencies: ["RenkeiIO", "RenkeiCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RenkeiAppTests", dependencies: ["RenkeiApp", "RenkeiCore", "RenkeiIO", "RenkeiGraphviz"]),
        .testTarget(name: "RenkeiGraphvizTests", dependencies: ["RenkeiGraphviz", "RenkeiCore"], resources: [.copy("Fixtures")]),
    ]
)
