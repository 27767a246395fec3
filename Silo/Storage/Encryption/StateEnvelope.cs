namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// A grain's state as the storage provider under <see cref="SealedGrainStorage"/> keeps it: bytes already serialized
/// and sealed, which the provider stores as they are. Settable and parameterless because providers make an empty one
/// for a missing row.
/// </summary>
public sealed class StateEnvelope
{
    public byte[] Bytes { get; set; } = [];
}
