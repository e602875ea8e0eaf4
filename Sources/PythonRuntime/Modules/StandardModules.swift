/// Registers the modules that every runtime offers. Each module written in
/// Swift lives in its own file (`MathModule.swift`...), one install call here;
/// the Python halves are `Firmware/runtime/*.py` (`registerPythonModule`).
extension Runtime {
    func installStandardModules() {
        installMathModule()
        installCmathModule()
        installReModule()
        installCollectionsModule()
        registerPythonModule("functools")   // all Python
        registerPythonModule("itertools")   // all Python
        installHeapqModule()
        installArrayModule()
        installIOModule()
        installOSModule()
        installGCModule()
        installMicroPythonModule()
        installSelectModule()
        installTimeModule()
        installErrnoModule()
        installRandomModule()
        installBinasciiModule()
        installHashlibModule()
        installStructModule()
        installJSONModule()
        installSocketModule()
        installTLSModule()
        installFrozenModules()
    }
}
