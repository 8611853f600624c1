import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * What a rendered page costs after Qute has evaluated it, measured alone (so a busy machine does not blur it): the
 * appends of its pieces to one StringBuilder, as Qute makes it, and the two ways into Netty's buffer (RESTEasy
 * Reactive's end(String), and end(byte[]) after String.getBytes), for the page as saved and for the same page with
 * its non-ASCII characters written as character references. Thread CPU time per page over warm loops.
 * Usage: curl -H "Cookie: ..." http://127.0.0.1:PORT/journal >page.html;
 *        java -cp "$(ls target/quarkus-app/lib/main/io.netty.netty-{buffer,common}-*.jar | paste -sd:)" bench/PageBytes.java page.html
 */
public class PageBytes {

    private static final int LOOPS = 20_000;
    private static long sink;

    public static void main(String[] args) throws Exception {
        String page = Files.readString(Path.of(args[0]));
        StringBuilder escaped = new StringBuilder();
        page.codePoints().forEach(c -> escaped.append(c < 0x80 ? Character.toString(c) : "&#x" + Integer.toHexString(c) + ";"));
        String ascii = escaped.toString();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        for (int round = 1; round <= 3; round++) {
            for (String text : new String[] { page, ascii }) {
                String name = text == page ? "as saved (" + page.length() + " chars)" : "ASCII (" + ascii.length() + " chars)";
                List<String> pieces = new ArrayList<>();
                for (String piece : text.split("(?=[<\"{])")) {
                    pieces.add(new String(piece));
                }
                long[] cpu = new long[3];
                for (int way = 0; way < 3; way++) {
                    long start = 0;
                    for (int i = -LOOPS; i < LOOPS; i++) {
                        if (i == 0) {
                            start = threads.getCurrentThreadCpuTime();
                        }
                        if (way == 0) {
                            StringBuilder builder = new StringBuilder(1024);
                            pieces.forEach(builder::append);
                            sink += builder.toString().length();
                            continue;
                        }
                        ByteBuf buffer;
                        if (way == 1) {
                            buffer = alloc.directBuffer(ByteBufUtil.utf8MaxBytes(text.length()));
                            buffer.writeCharSequence(text, StandardCharsets.UTF_8);
                        } else {
                            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                            buffer = alloc.directBuffer(bytes.length);
                            buffer.writeBytes(bytes);
                        }
                        sink += buffer.readableBytes();
                        buffer.release();
                    }
                    cpu[way] = threads.getCurrentThreadCpuTime() - start;
                }
                System.out.printf("round %d, %s: %d appends %.1f us, end(String) %.1f us, getBytes + end(byte[]) %.1f us%n",
                        round, name, pieces.size(), cpu[0] / 1e3 / LOOPS, cpu[1] / 1e3 / LOOPS, cpu[2] / 1e3 / LOOPS);
            }
        }
    }
}
