namespace Switchboard.Domain.CoBrowsing;

/// <summary>Who sent a co-browsing frame: the chat's visitor or its operator.</summary>
public enum CoBrowseSide
{
    Visitor,
    Operator,
}
