// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "seekgpu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "seekgpu", targets: ["seekgpu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "GitKit", dependencies: ["CGit2"]),
        .systemLibrary(name: "CSeekZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NetKit", dependencies: ["CCurl", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "SeekCore"),
        .target(name: "ConfigKit", dependencies: ["SeekCore", "Yams"]),
        .target(name: "Dataset", dependencies: ["SeekCore"]),
        .target(name: "Sizing", dependencies: ["SeekCore"]),
        .target(name: "Deploy", dependencies: ["SeekCore", "Sizing", "ConfigKit", "Yams"]),
        .target(name: "Site", dependencies: ["SeekCore", "Dataset", "Sizing", "Deploy", .product(name: "Plot", package: "Plot")]),
        .target(name: "Feeds", dependencies: [
            "SeekCore", "ConfigKit", "Dataset", "GitKit", "NetKit", "Yams", "ZIPFoundation",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Publish", dependencies: [
            "SeekCore", "Dataset", "GitKit", "NetKit",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Export", dependencies: [
            "SeekCore", "ConfigKit", "NetKit", "CSeekZlib", "Yams",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "seekgpu", dependencies: [
            "SeekCore", "ConfigKit", "Dataset", "GitKit", "NetKit", "Feeds", "Sizing", "Site", "Publish", "Export", "Deploy",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "TestSupport", dependencies: ["GitKit", "NetKit", "SeekCore"]),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(name: "NetKitTests", dependencies: ["NetKit", "TestSupport"]),
        .testTarget(name: "SeekCoreTests", dependencies: ["SeekCore"]),
        .testTarget(name: "ConfigKitTests", dependencies: ["ConfigKit", "SeekCore", "TestSupport", "Yams"]),
        .testTarget(name: "DatasetTests", dependencies: ["Dataset", "SeekCore", "TestSupport"]),
        .testTarget(name: "SizingTests", dependencies: ["Sizing", "SeekCore", "Dataset", "Feeds", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "SeekCore", "Sizing", "Dataset", "Feeds", "Deploy", "TestSupport"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "ConfigKit", "Dataset", "Sizing", "GitKit", "NetKit", "SeekCore", "TestSupport",
                                                       "ZIPFoundation"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "Dataset", "GitKit", "NetKit", "SeekCore", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "ExportTests", dependencies: [
            "Export", "ConfigKit", "Feeds", "NetKit", "SeekCore", "TestSupport", "CSeekZlib",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeployTests", dependencies: ["Deploy", "Sizing", "SeekCore", "Dataset", "Feeds", "ConfigKit",
                                                       "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "SeekgpuTests", dependencies: ["GitKit", "SeekCore", "Dataset", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
