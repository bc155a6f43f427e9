using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Workshops.Core.Data;

/// <summary>
/// The EF Core model of each provider, generated as code by `dotnet ef dbcontext optimize` into its migrations
/// assembly. Building the model from the configurations at start JIT-compiled about 6,000 methods and kept their
/// types for the life of the process; the generated model is only read. The migrations assemblies reference this
/// one, so the model is found by name.
/// </summary>
public static class CompiledModels
{
    private static readonly Lazy<IModel> Sqlite = new(() => Load(DataServices.SqliteMigrations));
    private static readonly Lazy<IModel> Postgres = new(() => Load(DataServices.PostgresMigrations));

    public static IModel For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres.Value : Sqlite.Value;

    private static IModel Load(string assembly)
    {
        var type = Assembly.Load(assembly).GetType($"{assembly}.CompiledModel.AppDbContextModel")
            ?? throw new InvalidOperationException($"{assembly} has no compiled model: run migrations/add.sh.");
        return (IModel)type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
