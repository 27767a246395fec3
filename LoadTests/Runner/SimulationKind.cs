namespace Switchboard.LoadTests.Runner;

public enum SimulationKind
{
    Inject,
    RampingInject,
    KeepConstant,
    RampingConstant,
}
