// swift-tools-version:6.0
import PackageDescription

// Exclusivity checks cost a branch on every class-field access in the VM loop;
// the runtime never overlaps accesses, so release builds turn them off.
// Reference counting stays atomic (no -assume-single-threaded): boards run on
// threads of their own in one process, and immutable shared values (module
// sources, tables in `static let`s, interned literals) are retained by all of them.
let fastSwift: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "Breadbox",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "breadbox", targets: ["breadbox"]),
        .library(name: "PythonRuntime", targets: ["PythonRuntime"]),
        .library(name: "BoardEmulator", targets: ["BoardEmulator"]),
        .library(name: "FirmwareAPI", targets: ["FirmwareAPI"]),
        .library(name: "HostPlatform", targets: ["HostPlatform"]),
        .library(name: "BoardNetwork", targets: ["BoardNetwork"]),
        .library(name: "BoardSupervisor", targets: ["BoardSupervisor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Day numbers of the Gregorian calendar, for the RTC and the time module.
        .target(name: "CivilTime"),
        .target(
            name: "PythonRuntime",
            dependencies: ["CivilTime", "CLibc", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: fastSwift),
        // The boards as electrical things: clock, pins, buses, parts. Knows nothing of Python.
        .target(
            name: "BoardEmulator",
            dependencies: ["CivilTime"],
            swiftSettings: fastSwift),
        // The host's own services for the runtime: its clock, a folder as a file
        // system (walled in: SandboxedFolder), BSD sockets.
        .target(
            name: "HostPlatform",
            dependencies: ["PythonRuntime", "COpenSSL"],
            swiftSettings: fastSwift),
        // The boards' network: access points, names and routes to the host
        // (SimulatedNetwork), each board's Wi-Fi radio and TCP/IP stack on its
        // virtual clock, the traffic log.
        .target(
            name: "BoardNetwork",
            dependencies: ["BoardEmulator", "PythonRuntime", "HostPlatform"],
            swiftSettings: fastSwift),
        // Where the two meet: the firmware modules (machine, board, busio...) over
        // the board, the board's clock as the runtime's clock, executed bytecode
        // charged to the board.
        .target(
            name: "FirmwareAPI",
            dependencies: ["PythonRuntime", "BoardEmulator", "BoardNetwork"],
            swiftSettings: fastSwift),
        // The firmware around the user's program: boot, REPL, reload (Supervisor),
        // the board's drive, and its services (the web workflow's pages are gzipped).
        .target(
            name: "BoardSupervisor",
            dependencies: ["FirmwareAPI", "PythonRuntime", "BoardEmulator", "BoardNetwork", "HostPlatform", "CZlib"],
            swiftSettings: fastSwift),
        // `breadbox lib`: libraries into a project's drive/lib, from PyPI through
        // pip (CircuitPython, as circup) or from mip's index (MicroPython).
        .target(
            name: "LibraryInstaller",
            dependencies: ["BoardSupervisor", "BoardEmulator", "CCurl"]),
        // libcurl's header (Debian's libcurl4-openssl-dev); the library is loaded for a fetch.
        .target(name: "CCurl", dependencies: ["CDynamicLibrary"]),
        // C libraries from Debian: SDL2 for the window, zlib for PNG screenshots
        // and the web workflow's gzipped pages.
        // SDL2's headers (Debian's libsdl2-dev); the library is loaded when a window opens.
        .target(name: "CSDL2", dependencies: ["CDynamicLibrary"]),
        // dlopen and dlsym with the reason in words, for CSDL2 and CCurl.
        .target(name: "CDynamicLibrary"),
        // OpenSSL for the TLS of sockets (the host's and the boards').
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        // The C library's parts Swift's Glibc module leaves out: mallopt, and
        // snprintf of a double without boxing it as a variadic argument.
        .systemLibrary(name: "CLibc"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // The picture: a software canvas, the font, the board art and the scene
        // drawn from a snapshot of the board. No SDL, so tests render off-screen.
        .target(
            name: "BoardView",
            dependencies: ["BoardEmulator", "CZlib"],
            swiftSettings: fastSwift),
        // The live board behind the picture: the firmware on its own thread,
        // snapshots out, user actions in, drops into the drive, screenshots.
        .target(
            name: "Simulator",
            dependencies: ["BoardView", "BoardSupervisor", "BoardNetwork", "FirmwareAPI", "BoardEmulator", "PythonRuntime", "HostPlatform"]),
        // The SDL window around the simulator.
        .target(
            name: "SDLWindow",
            dependencies: ["Simulator", "BoardView", "BoardSupervisor", "FirmwareAPI", "CSDL2"]),
        // Wokwi's scenario files (YAML): parsed and checked before the board
        // starts, then run step by step on the board's firmware thread.
        .target(
            name: "Scenario",
            dependencies: ["Simulator", "BoardView", "BoardSupervisor", "BoardNetwork", "HostPlatform", "BoardEmulator", "CZlib",
                           .product(name: "Yams", package: "Yams")]),
        // Benchmarks/board_sleep.md: wall time of one virtual hour of time.sleep(1).
        .executableTarget(
            name: "board-sleep-bench",
            dependencies: ["BoardSupervisor", "FirmwareAPI", "PythonRuntime", "BoardEmulator"],
            path: "Benchmarks/board_sleep",
            swiftSettings: fastSwift),
        // Benchmarks/board_memory: resident memory per board in one process.
        .executableTarget(
            name: "board-memory-bench",
            dependencies: ["BoardSupervisor"],
            path: "Benchmarks/board_memory",
            swiftSettings: fastSwift),
        // The runtime under libFuzzer (Scripts/fuzz builds it with -DFUZZING and
        // -sanitize=fuzzer,address); in ordinary builds a plain runner of the same
        // harness over files, for the test suite's smoke run.
        .executableTarget(
            name: "breadbox-fuzz",
            dependencies: ["PythonRuntime"],
            swiftSettings: fastSwift),
        .executableTarget(
            name: "breadbox",
            dependencies: [
                "PythonRuntime",
                "BoardEmulator",
                "FirmwareAPI",
                "HostPlatform",
                "BoardSupervisor",
                "Simulator",
                "SDLWindow",
                "Scenario",
                "LibraryInstaller",
                // C modules the view and the window import (their module maps must be visible here).
                "CZlib",
                "CSDL2",
                "COpenSSL",
                "CLibc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: fastSwift),
        // Helpers the test targets share (PyPI downloads for real libraries and tools).
        .target(
            name: "BreadboxTestSupport",
            path: "Tests/TestSupport"),
        .testTarget(
            name: "PythonRuntimeTests",
            dependencies: ["PythonRuntime", "HostPlatform", "BreadboxTestSupport"],
            // Programs the tests run from the source tree.
            exclude: ["Programs"]),
        .testTarget(
            name: "BoardEmulatorTests",
            dependencies: ["BoardEmulator", "BreadboxTestSupport"]),
        .testTarget(
            name: "FirmwareAPITests",
            dependencies: ["BoardSupervisor", "FirmwareAPI", "BoardNetwork", "HostPlatform", "PythonRuntime", "BoardEmulator",
                           "LibraryInstaller", "BreadboxTestSupport"]),
        .testTarget(
            name: "SimulatorTests",
            dependencies: ["Simulator", "BoardView", "BoardSupervisor", "FirmwareAPI", "BoardEmulator", "HostPlatform", "CZlib", "BreadboxTestSupport"]),
        .testTarget(
            name: "ScenarioTests",
            dependencies: ["Scenario", "BoardSupervisor", "BoardView", "BoardEmulator", "BreadboxTestSupport"],
            // Projects the tests copy and run (read from the source tree, not bundled).
            exclude: ["Fixtures"]),
        // The SDL window itself, on SDL's dummy video driver (no display needed).
        .testTarget(
            name: "SDLWindowTests",
            dependencies: ["SDLWindow", "Simulator", "BoardView", "BoardSupervisor", "FirmwareAPI", "CSDL2", "CZlib", "BreadboxTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
