package shop;

import java.util.ArrayList;
import java.util.List;

public class Cart {
    private final List<Integer> items = new ArrayList<>();
    private final int discountPercent = 10;

    public void add(int cents) {
        items.add(cents);
    }

    public int total() {
        int sum = 0;
        for (int i : items) {
            sum += i;
        }
        return discount(sum);
    }

    private int discount(int cents) {
        return cents - cents * discountPercent / 100;
    }
}
