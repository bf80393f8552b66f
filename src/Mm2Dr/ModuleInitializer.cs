using System.IO;
using System.Management.Automation;
using Mm2Dr.Core.Native;

namespace Mm2Dr
{
    /// <summary>Runs on Import-Module, before any cmdlet: points librdkafka's loader at this module's folder.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
            if (!string.IsNullOrEmpty(folder))
            {
                RdKafkaLibrary.UseModuleFolder(folder!);
            }
        }
    }
}
