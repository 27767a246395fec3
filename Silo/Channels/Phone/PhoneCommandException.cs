namespace Switchboard.Silo.Channels.Phone;

/// <summary>A command the product sent to the PBX's <c>commandUrl</c> did not get through; the message says why.</summary>
public sealed class PhoneCommandException(string message) : Exception(message);
