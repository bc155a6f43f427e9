using Workshops.Core.Domain.Materials;

namespace Workshops.Web.Features.Materials;

/// <summary>What the materials table shows: the rows, and which of them the viewer may edit.</summary>
public sealed record MaterialTableView(string Caption, IReadOnlyList<Material> Materials, bool ManageAll, IReadOnlySet<Guid> Manageable);
