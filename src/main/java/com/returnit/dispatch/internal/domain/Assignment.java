package com.returnit.dispatch.internal.domain;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows (orders) to columns (drivers): the Hungarian method with potentials, O(n^3) in the
 * larger side. A rectangular matrix is padded with free dummy rows or columns. A pair marked {@link #INFEASIBLE} gets
 * a cost above any complete assignment of feasible pairs, so the solver first pairs as many rows as it can with
 * feasible columns, then minimises their total cost; an infeasible pair is never answered.
 */
public final class Assignment {

	/** The cost of a pair that must not be chosen (the vehicle does not fit, no room, offered before). */
	public static final double INFEASIBLE = Double.POSITIVE_INFINITY;

	private Assignment() {
	}

	/**
	 * For each row, the column it is assigned, or -1 when it gets none (more rows than columns, or only infeasible
	 * pairs left for it). Costs must be finite and non-negative, or {@link #INFEASIBLE}.
	 */
	public static int[] solve(double[][] cost) {
		int rows = cost.length;
		int columns = rows == 0 ? 0 : cost[0].length;
		int[] chosen = new int[rows];
		Arrays.fill(chosen, -1);
		if (rows == 0 || columns == 0) {
			return chosen;
		}
		double[][] square = padded(cost, rows, columns);
		int[] columnOfRow = new Hungarian(square).solve();
		for (int row = 0; row < rows; row++) {
			int column = columnOfRow[row];
			if (column < columns && cost[row][column] != INFEASIBLE) {
				chosen[row] = column;
			}
		}
		return chosen;
	}

	/** The sum of the costs of the chosen pairs. */
	public static double total(double[][] cost, int[] chosen) {
		double sum = 0;
		for (int row = 0; row < chosen.length; row++) {
			sum += chosen[row] < 0 ? 0 : cost[row][chosen[row]];
		}
		return sum;
	}

	/** Square, with infeasible pairs priced above the sum of every feasible one and dummy pairs free. */
	private static double[][] padded(double[][] cost, int rows, int columns) {
		double feasibleSum = 0;
		for (double[] row : cost) {
			if (row.length != columns) {
				throw new IllegalArgumentException("every row needs " + columns + " columns");
			}
			for (double c : row) {
				if (c != INFEASIBLE && !(c >= 0 && Double.isFinite(c))) {
					throw new IllegalArgumentException("costs must be finite and non-negative: " + c);
				}
				feasibleSum += c == INFEASIBLE ? 0 : c;
			}
		}
		double prohibitive = feasibleSum + 1;
		int n = Math.max(rows, columns);
		double[][] square = new double[n][n];
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < columns; column++) {
				square[row][column] = cost[row][column] == INFEASIBLE ? prohibitive : cost[row][column];
			}
		}
		return square;
	}

	/**
	 * Kuhn–Munkres with row and column potentials, 1-based inside, column 0 the root of each search: adds the rows one
	 * at a time, each along the cheapest augmenting path under the reduced costs.
	 */
	private static final class Hungarian {

		private final double[][] a;
		private final int n;
		private final double[] u;
		private final double[] v;
		private final int[] rowOfColumn;
		private final int[] way;

		Hungarian(double[][] a) {
			this.a = a;
			this.n = a.length;
			this.u = new double[n + 1];
			this.v = new double[n + 1];
			this.rowOfColumn = new int[n + 1];
			this.way = new int[n + 1];
		}

		int[] solve() {
			for (int row = 1; row <= n; row++) {
				augment(row);
			}
			int[] columnOfRow = new int[n];
			for (int column = 1; column <= n; column++) {
				columnOfRow[rowOfColumn[column] - 1] = column - 1;
			}
			return columnOfRow;
		}

		private void augment(int row) {
			rowOfColumn[0] = row;
			int column0 = 0;
			double[] minSlack = new double[n + 1];
			boolean[] used = new boolean[n + 1];
			Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
			do {
				used[column0] = true;
				column0 = step(rowOfColumn[column0], column0, minSlack, used);
			}
			while (rowOfColumn[column0] != 0);
			do {
				int previous = way[column0];
				rowOfColumn[column0] = rowOfColumn[previous];
				column0 = previous;
			}
			while (column0 != 0);
		}

		/** Grows the search tree by the tightest column and shifts the potentials; answers that column. */
		private int step(int row0, int column0, double[] minSlack, boolean[] used) {
			double delta = Double.POSITIVE_INFINITY;
			int next = 0;
			for (int column = 1; column <= n; column++) {
				if (!used[column]) {
					double slack = a[row0 - 1][column - 1] - u[row0] - v[column];
					if (slack < minSlack[column]) {
						minSlack[column] = slack;
						way[column] = column0;
					}
					if (minSlack[column] < delta) {
						delta = minSlack[column];
						next = column;
					}
				}
			}
			for (int column = 0; column <= n; column++) {
				if (used[column]) {
					u[rowOfColumn[column]] += delta;
					v[column] -= delta;
				}
				else {
					minSlack[column] -= delta;
				}
			}
			return next;
		}
	}
}
