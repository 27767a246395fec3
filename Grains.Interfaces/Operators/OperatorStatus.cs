namespace Switchboard.Contracts.Operators;

/// <summary>Operator presence as the protocol spells it.</summary>
public static class OperatorStatus
{
    public const string Online = "online";
    public const string Away = "away";
    public const string Offline = "offline";

    public static bool IsValid(string status) => status is Online or Away or Offline;
}
