namespace Switchboard.Grains.Storage;

/// <summary>An append hit an existing (conversation, seq): a second writer, which the single-writer rule forbids.</summary>
public sealed class EventLogConflictException(string conversationKey, long seq)
    : Exception($"Event {seq} of '{conversationKey}' already exists.");
