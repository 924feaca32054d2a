package dev.jlivepatch.bench.linkage;

import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the JVM links, kind by kind, each at a call site of its own: lambdas and method references, string
 * concatenation, records, method handles and their combinators, var handles, proxies, reflection, hidden
 * classes, and the constants and call sites of a generated class ({@link Generated}); then the agent's own
 * work ({@link AgentSteps}) when it is loaded. Arguments: patch jars for {@link AgentSteps}.
 */
public final class Workload {
    /** Where results go (also a dynamic constant of {@link Generated}). */
    public static final List<Object> SINK = new ArrayList<>();
    int field = 1;
    long wide = 2;
    Object ref = "r";
    static int counter;

    /** A record: its toString, equals and hashCode link through ObjectMethods. */
    record Point(int x, long y, String name, double d) {
    }

    /** Another record shape. */
    record Box(Object value, boolean flag, char c, float f, byte b, short s) {
    }

    /** An enum of our own, for the enum constant and the enum switch. */
    public enum Kind {
        /** One. */
        ONE,
        /** Two. */
        TWO
    }

    /**
     * The target of a dynamic constant.
     *
     * @param x a number
     * @return twice it
     */
    public static int twice(int x) {
        return 2 * x;
    }

    /** A functional interface of our own, for proxies. */
    public interface Shape {
        /** @return an int */
        int area(int x);
    }

    private Workload() {
    }

    /**
     * Runs every kind, then the agent's steps, then writes the trace.
     *
     * @param args patch jars
     * @throws Throwable on any failure
     */
    public static void main(String[] args) throws Throwable {
        lambdas();
        concat(7, 8L, 'c', 1.5, 2.5f, true, new Object(), null);
        records();
        handles();
        varHandles();
        reflection();
        Generated.run();
        library();
        if (args.length > 0) {
            AgentSteps.run(args);
        }
        Tracer.report();
        System.out.println("linkage workload done: " + SINK.size() + " results");
    }

    static void lambdas() {
        int local = 3;
        long big = 4;
        double dbl = 5;
        Runnable r = () -> counter++;
        r.run();
        Supplier<String> s = () -> "x" + local;
        Function<String, Integer> f = String::length;
        BiFunction<Integer, Integer, Integer> add = Integer::sum;
        IntBinaryOperator op = (a, b) -> (int) (a * b + big + dbl);
        Function<Integer, List<Object>> ctor = ArrayList::new;
        Function<Integer, int[]> arr = int[]::new;
        Supplier<String> bound = SINK::toString;
        Runnable ser = (Runnable & Serializable) () -> counter--;
        ser.run();
        SINK.add(s.get() + f.apply("abc") + add.apply(1, 2) + op.applyAsInt(2, 3) + ctor.apply(4).size()
                + arr.apply(5).length + bound.get().length());
        SINK.add(Optional.of(1).map(x -> x + 1).orElseGet(() -> 0));
    }

    static void concat(int i, long l, char c, double d, float fl, boolean z, Object o, String nul) {
        SINK.add("i" + i);
        SINK.add("l" + l + c);
        SINK.add(d + "d" + fl + z);
        SINK.add(o + "o" + nul + i + l + c + d + fl + z + "end");
        SINK.add("" + i + i + i + i + i + i + i + i + i + i + i + i + l + l + l + l + d + d + d + o);
    }

    static void records() {
        Point p = new Point(1, 2, "p", 3.0);
        Box b = new Box("v", true, 'c', 1f, (byte) 2, (short) 3);
        SINK.add(p.toString() + p.hashCode() + p.equals(new Point(1, 2, "p", 3.0)));
        SINK.add(b.toString() + b.hashCode() + b.equals(b));
    }

    static void handles() throws Throwable {
        MethodHandles.Lookup l = MethodHandles.lookup();
        MethodHandle len = l.findVirtual(String.class, "length", MethodType.methodType(int.class));
        MethodHandle sum = l.findStatic(Integer.class, "sum", MethodType.methodType(int.class, int.class, int.class));
        MethodHandle ctor = l.findConstructor(ArrayList.class, MethodType.methodType(void.class, int.class));
        MethodHandle get = l.findGetter(Workload.class, "field", int.class);
        MethodHandle set = l.findSetter(Workload.class, "wide", long.class);
        MethodHandle sget = l.findStaticGetter(Workload.class, "counter", int.class);
        MethodHandle concat = l.findVirtual(String.class, "concat", MethodType.methodType(String.class, String.class));
        Workload w = new Workload();
        int a = (int) len.invokeExact("abcd");
        int b = (int) sum.invoke(1, 2);
        Object list = ctor.invoke(3);
        int c = (int) get.invokeExact(w);
        set.invoke(w, 9L);
        int d = (int) sget.invokeExact();
        MethodHandle ins = MethodHandles.insertArguments(sum, 0, 5);
        MethodHandle drop = MethodHandles.dropArguments(len, 1, long.class, Object.class);
        MethodHandle filt = MethodHandles.filterArguments(sum, 0, len, len);
        MethodHandle ret = MethodHandles.filterReturnValue(len, MethodHandles.identity(int.class));
        MethodHandle fold = MethodHandles.foldArguments(MethodHandles.dropArguments(sum, 0, int.class),
                MethodHandles.constant(int.class, 1));
        MethodHandle test = MethodHandles.guardWithTest(
                MethodHandles.dropArguments(MethodHandles.constant(boolean.class, true), 0, String.class), len,
                MethodHandles.dropArguments(MethodHandles.constant(int.class, 0), 0, String.class));
        MethodHandle caught = MethodHandles.catchException(len, RuntimeException.class,
                MethodHandles.dropArguments(MethodHandles.constant(int.class, -1), 0, RuntimeException.class,
                        String.class));
        MethodHandle perm = MethodHandles.permuteArguments(concat,
                MethodType.methodType(String.class, String.class, String.class), 1, 0);
        MethodHandle spread = sum.asSpreader(Object[].class, 2);
        MethodHandle collect = MethodHandles.arrayLength(int[].class).asCollector(int[].class, 3);
        MethodHandle loop = MethodHandles.countedLoop(MethodHandles.constant(int.class, 4),
                MethodHandles.constant(int.class, 0), sum);
        MethodHandle fin = MethodHandles.tryFinally(len, MethodHandles.dropArguments(
                MethodHandles.identity(int.class), 0, Throwable.class));
        MethodHandle elem = MethodHandles.arrayElementGetter(long[].class);
        MethodHandle mk = MethodHandles.arrayConstructor(String[].class);
        SINK.add(a + b + c + d + (int) ins.invoke(1) + (int) drop.invoke("ab", 1L, null) + (int) filt.invoke("a", "bc")
                + (int) ret.invoke("abc") + (int) fold.invoke(2, 3) + (int) test.invoke("x") + (int) caught.invoke("yy")
                + (String) perm.invoke("1", "2") + (int) spread.invoke(new Object[] {1, 2})
                + (int) collect.invoke(1, 2, 3) + (int) loop.invoke() + (int) fin.invoke("q")
                + (long) elem.invoke(new long[] {7}, 0) + ((String[]) mk.invoke(2)).length + list
                + sum.invokeWithArguments(3, 4) + MethodType.fromMethodDescriptorString("(IJ)V", null)
                + MethodType.genericMethodType(3).toMethodDescriptorString());
        Shape shape = MethodHandleProxies.asInterfaceInstance(Shape.class, MethodHandles.identity(int.class));
        SINK.add(shape.area(6));
    }

    static void varHandles() throws Throwable {
        MethodHandles.Lookup l = MethodHandles.lookup();
        VarHandle i = l.findVarHandle(Workload.class, "field", int.class);
        VarHandle j = l.findVarHandle(Workload.class, "wide", long.class);
        VarHandle o = l.findVarHandle(Workload.class, "ref", Object.class);
        VarHandle s = l.findStaticVarHandle(Workload.class, "counter", int.class);
        VarHandle arr = MethodHandles.arrayElementVarHandle(int[].class);
        VarHandle view = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        VarHandle buf = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        Workload w = new Workload();
        int[] ints = new int[4];
        byte[] bytes = new byte[16];
        i.set(w, 5);
        boolean cas = j.compareAndSet(w, 2L, 3L);
        Object old = o.getAndSet(w, "n");
        int add = (int) s.getAndAdd(1);
        arr.setVolatile(ints, 1, 9);
        view.set(bytes, 0, 42L);
        SINK.add((int) i.getVolatile(w) + "" + cas + old + add + (int) arr.getAcquire(ints, 1) + (long) view.get(bytes, 0)
                + (int) buf.get(ByteBuffer.allocate(8), 0) + o.weakCompareAndSet(w, "n", "m"));
    }

    static void reflection() throws Exception {
        SINK.add(String.class.getMethod("valueOf", int.class).invoke(null, 3));
        SINK.add(ArrayList.class.getConstructor().newInstance());
        java.lang.reflect.Field f = Workload.class.getDeclaredField("field");
        SINK.add(f.get(new Workload()));
        Shape p = (Shape) Proxy.newProxyInstance(Workload.class.getClassLoader(), new Class<?>[] {Shape.class},
                (proxy, m, a) -> a[0]);
        SINK.add(p.area(8));
        SINK.add(Class.forName("java.sql.Timestamp").getName() + Class.forName("javax.script.ScriptEngine").getName());
    }

    static void library() throws Exception {
        SINK.add(IntStream.range(0, 100).parallel().boxed().collect(Collectors.groupingBy(x -> x % 3)).size());
        SINK.add(CompletableFuture.supplyAsync(() -> "cf").thenApply(x -> x + "!").get());
        SINK.add(String.format("%s %d %x %.2f", "a", 1, 255, 1.5));
        SINK.add(java.time.LocalDate.of(2024, 2, 29).plusDays(1).toString());
        SINK.add(java.util.regex.Pattern.compile("(a+)b").matcher("aab").matches());
        SINK.add(ThreadLocal.withInitial(() -> 1).get());
        SINK.add(java.util.ServiceLoader.load(java.nio.file.spi.FileSystemProvider.class).stream().count());
    }
}
