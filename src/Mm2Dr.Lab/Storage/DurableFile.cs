using System.IO;
using System.Text;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>Small metadata files are replaced atomically (write a temp file, flush it to disk, rename over).</summary>
    internal static class DurableFile
    {
        public static void WriteAllText(string path, string text)
        {
            var temp = path + ".tmp";
            var bytes = new UTF8Encoding(false).GetBytes(text);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }

            if (File.Exists(path))
            {
                File.Replace(temp, path, null);
            }
            else
            {
                File.Move(temp, path);
            }
        }
    }
}
