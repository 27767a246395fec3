global using Orleans;
global using Orleans.Concurrency;
global using Switchboard.Contracts;
// The plain rules the grains call, everywhere in this project: a grain's partial files need no using of their own.
global using Switchboard.Domain.Calls;
global using Switchboard.Domain.Channels;
global using Switchboard.Domain.Conversations;
global using Switchboard.Domain.Invitations;
global using Switchboard.Domain.Monitoring;
global using Switchboard.Domain.Queues;
global using Switchboard.Domain.Routing;
global using Switchboard.Domain.Sites;
global using Switchboard.Domain.Visitors;
