/// An instance of a class defined in Python that derives from `object` alone.
/// Its attributes live in `instanceDict`.
public final class PyInstance: PyObject {
    public override var accountedSize: Int { 32 }
}
