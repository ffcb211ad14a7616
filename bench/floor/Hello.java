/** A JVM's own start and exit: the cost before any program does anything. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
