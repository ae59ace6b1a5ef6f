// swift-tools-version:6.0
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "mediatheque",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mediatheque", targets: ["mediatheque"]),
        .library(name: "MediathequeKit", targets: ["MediathequeKit"]),
        .library(name: "MediathequePDF", targets: ["MediathequePDF"]),
        .library(name: "MediathequeMail", targets: ["MediathequeMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CSupport", linkerSettings: [.linkedLibrary("deflate")]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(
            name: "MediathequeKit",
            dependencies: [
                "CLibXML2", "CSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Render/Template/UPGRADING.md"],
            swiftSettings: settings
        ),
        .target(
            name: "MediathequeServe",
            dependencies: [
                "MediathequeKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "mediatheque",
            dependencies: [
                "MediathequeKit", "MediathequePDF", "MediathequeMail", "MediathequeServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MediathequeKitTests",
            dependencies: ["MediathequeKit", "MediathequePDF", "mediatheque", "MediathequeServe",
                           .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: settings
        ),
        .target(
            name: "MediathequePDF",
            dependencies: ["MediathequeKit", "CPangoCairo"],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "pdf-benchmark",
            dependencies: ["MediathequePDF", "MediathequeKit"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MediathequePDFTests",
            dependencies: ["MediathequePDF", "MediathequeKit"],
            swiftSettings: settings
        ),
        .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
        .target(
            name: "MediathequeMail",
            dependencies: ["MediathequeKit", "CGMime"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MediathequeMailTests",
            dependencies: ["MediathequeMail", "MediathequeKit"],
            swiftSettings: settings
        ),
    ]
)
