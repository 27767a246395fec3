namespace Switchboard.LoadTests.Fuzz;

/// <summary>
/// One parser of untrusted bytes, run the way the product runs it: <see cref="Run"/> returns for every input the
/// product refuses or accepts cleanly, and throws only where the product would fail in a way it should not (an
/// exception it does not expect, which a fuzzer reports as a crash).
/// </summary>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run);
