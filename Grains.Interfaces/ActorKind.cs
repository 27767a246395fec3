namespace Switchboard.Contracts;

[GenerateSerializer, Alias("Switchboard.ActorKind")]
public enum ActorKind
{
    Visitor = 0,
    Operator = 1,
    Supervisor = 2,
    System = 3,
}
