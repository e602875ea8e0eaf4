/// `complex`: two doubles, immutable.
public final class PyComplex: PyObject {
    public let real: Double
    public let imag: Double
    public init(type: PyType, real: Double, imag: Double) {
        self.real = real
        self.imag = imag
        super.init(type: type)
    }
    public override var accountedSize: Int { 32 }
}
