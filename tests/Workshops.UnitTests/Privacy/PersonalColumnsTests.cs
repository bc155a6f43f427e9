using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workshops.Core.Data;
using Workshops.Core.Privacy;
using Xunit;

namespace Workshops.UnitTests.Privacy;

public sealed class PersonalColumnsTests
{
    internal static Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
    }

    [Fact]
    public void Every_column_named_like_personal_data_is_marked_one_way_or_the_other()
    {
        var undecided = PersonalColumns.Undecided(Model()).Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToList();
        Assert.True(undecided.Count == 0, "Mark these [PersonalData] or [NotPersonal(why)]:\n" + string.Join("\n", undecided));
    }
}
