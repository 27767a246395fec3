global using Orleans;
global using Switchboard.Contracts;
